-- Every write to products notes the product ids in catalog_changes, one statement at a time, so the
-- in-memory search index of every node catches up without rescanning the catalogue.
CREATE FUNCTION catalog_note_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_changes (product_id) SELECT DISTINCT id FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION catalog_note_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_changes (product_id) SELECT DISTINCT id FROM old_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER products_inserted AFTER INSERT ON products REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_note_new_rows();
--> statement-breakpoint
CREATE TRIGGER products_updated AFTER UPDATE ON products REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_note_new_rows();
--> statement-breakpoint
CREATE TRIGGER products_deleted AFTER DELETE ON products REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_note_old_rows();
--> statement-breakpoint
-- Brand names and slugs are in the index too.
CREATE FUNCTION catalog_note_brand_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_changes (product_id) SELECT p.id FROM products p JOIN new_rows b ON b.id = p.brand_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER brands_updated AFTER UPDATE ON brands REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_note_brand_rows();
