CREATE TABLE "site_search_counters" (
	"fiscal_year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "site_search_counters_fiscal_year_quarter_pk" PRIMARY KEY("fiscal_year","quarter")
);
