CREATE TABLE "photo_moderation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"upload_sha256" text NOT NULL,
	"account_id" uuid,
	"photo_id" uuid,
	"decision" text NOT NULL,
	"label" text NOT NULL,
	"score" real NOT NULL,
	"threshold" real NOT NULL,
	"model" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_moderation_decision_check" CHECK ("photo_moderation"."decision" in ('allowed','rejected'))
);
--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "thumbnail_key" text;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "feed_key" text;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "feed_webp_key" text;--> statement-breakpoint
ALTER TABLE "photo_moderation" ADD CONSTRAINT "photo_moderation_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_moderation" ADD CONSTRAINT "photo_moderation_photo_id_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photo_moderation_upload_idx" ON "photo_moderation" USING btree ("upload_sha256");--> statement-breakpoint
CREATE INDEX "photo_moderation_decided_idx" ON "photo_moderation" USING btree ("decided_at");