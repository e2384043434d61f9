import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";

export const provinces = pgTable("provinces", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
});

export const districts = pgTable(
  "districts",
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceId: uuid()
      .notNull()
      .references(() => provinces.id),
    slug: text().notNull().unique(),
    nameTh: text().notNull(),
    nameEn: text().notNull(),
  },
  (t) => [index().on(t.provinceId)],
);
