CREATE TABLE "product_embeddings" (
	"product_id" text PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"image_key" text NOT NULL,
	"vector" "bytea" NOT NULL,
	"colour_hist" real[] NOT NULL,
	"colour_names" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_embeddings" ADD CONSTRAINT "product_embeddings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_embeddings_updated_idx" ON "product_embeddings" USING btree ("updated_at");