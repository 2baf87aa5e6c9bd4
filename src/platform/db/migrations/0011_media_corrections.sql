CREATE TABLE "photo_product_corrections" (
	"photo_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_product_corrections_photo_id_product_id_account_id_pk" PRIMARY KEY("photo_id","product_id","account_id"),
	CONSTRAINT "photo_product_corrections_reason_check" CHECK (char_length("photo_product_corrections"."reason") <= 200)
);
--> statement-breakpoint
CREATE TABLE "photo_product_removals" (
	"photo_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"cause" text NOT NULL,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_product_removals_photo_id_product_id_pk" PRIMARY KEY("photo_id","product_id"),
	CONSTRAINT "photo_product_removals_cause_check" CHECK ("photo_product_removals"."cause" in ('author','admin','members'))
);
--> statement-breakpoint
ALTER TABLE "photo_product_corrections" ADD CONSTRAINT "photo_product_corrections_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_product_corrections" ADD CONSTRAINT "photo_product_corrections_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_product_removals" ADD CONSTRAINT "photo_product_removals_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE cascade ON UPDATE no action;