CREATE TABLE "photo_products" (
	"photo_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"source" text NOT NULL,
	"x" real,
	"y" real,
	"w" real,
	"h" real,
	"confidence" real,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_products_photo_id_product_id_pk" PRIMARY KEY("photo_id","product_id"),
	CONSTRAINT "photo_products_source_check" CHECK ("photo_products"."source" in ('author','recognised'))
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"author_id" uuid NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"image_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"content_sha256" text NOT NULL,
	"city_id" text,
	"status" text DEFAULT 'published' NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photos_author_content_key" UNIQUE("author_id","content_sha256"),
	CONSTRAINT "photos_status_check" CHECK ("photos"."status" in ('published','removed'))
);
--> statement-breakpoint
ALTER TABLE "photo_products" ADD CONSTRAINT "photo_products_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photo_products_product_idx" ON "photo_products" USING btree ("product_id","photo_id");--> statement-breakpoint
CREATE INDEX "photos_author_posted_idx" ON "photos" USING btree ("author_id","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "photos_posted_idx" ON "photos" USING btree ("posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "photos_city_idx" ON "photos" USING btree ("city_id","posted_at");