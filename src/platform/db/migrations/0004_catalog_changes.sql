CREATE TABLE "catalog_changes" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"txid" bigint DEFAULT pg_current_xact_id()::text::bigint NOT NULL,
	"product_id" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "catalog_changes_txid_idx" ON "catalog_changes" USING btree ("txid");--> statement-breakpoint
CREATE INDEX "catalog_changes_changed_idx" ON "catalog_changes" USING btree ("changed_at");