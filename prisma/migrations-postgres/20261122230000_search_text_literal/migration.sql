-- Data only: LIKE's special characters in the search text become the private-use characters
-- that lib/data/clients/search-text.ts maps them to (% U+E000, _ U+E001, \ U+E002).
UPDATE "Client" SET "searchText" = replace(replace(replace("searchText", '%', chr(57344)), '_', chr(57345)), '\', chr(57346));
