CREATE TABLE "vision_vocabularies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"space" text NOT NULL,
	"trained_on" integer NOT NULL,
	"vocabulary" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_embeddings" ADD COLUMN "local_features" "bytea";--> statement-breakpoint
CREATE INDEX "vision_vocabularies_space_idx" ON "vision_vocabularies" USING btree ("space","id");