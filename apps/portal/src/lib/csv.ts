// CSV lives in @ita/domain/csv: open data and the province's exports write it alike.
export { CSV_CONTENT_TYPE, toCsv, type CsvValue } from "@ita/domain/csv";
