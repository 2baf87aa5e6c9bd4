CREATE TABLE "trend_alert_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"action" text NOT NULL,
	"account_id" uuid,
	"actor_handle" text NOT NULL,
	"quantity" integer,
	"note" text,
	"reason" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trend_alert_actions_idempotency_key" UNIQUE("account_id","idempotency_key"),
	CONSTRAINT "trend_alert_actions_action_check" CHECK ("trend_alert_actions"."action" in ('acknowledge','reorder','dismiss')),
	CONSTRAINT "trend_alert_actions_quantity_check" CHECK ("trend_alert_actions"."action" <> 'reorder' or "trend_alert_actions"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "trend_alert_history" (
	"alert_id" uuid NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"score" double precision NOT NULL,
	"state" text NOT NULL,
	"unique_actors_24h" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"cities_reached" integer NOT NULL,
	"countries_reached" integer NOT NULL,
	"regions" text[] NOT NULL,
	CONSTRAINT "trend_alert_history_alert_id_as_of_pk" PRIMARY KEY("alert_id","as_of")
);
--> statement-breakpoint
CREATE TABLE "trend_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"category" text,
	"detected_at" timestamp with time zone NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"score" double precision NOT NULL,
	"peak_score" double precision NOT NULL,
	"state" text NOT NULL,
	"expired_at" timestamp with time zone,
	"status" text DEFAULT 'new' NOT NULL,
	"unique_actors_24h" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"cities" jsonb NOT NULL,
	"countries" jsonb NOT NULL,
	"regions" text[] NOT NULL,
	"sparkline" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trend_alerts_kind_check" CHECK ("trend_alerts"."kind" in ('product','brand','category_colour','hashtag')),
	CONSTRAINT "trend_alerts_state_check" CHECK ("trend_alerts"."state" in ('active','cooling','expired')),
	CONSTRAINT "trend_alerts_status_check" CHECK ("trend_alerts"."status" in ('new','acknowledged','reordered','dismissed'))
);
--> statement-breakpoint
CREATE TABLE "trend_watermarks" (
	"partition" text PRIMARY KEY NOT NULL,
	"watermark" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "events_occurred_idx";--> statement-breakpoint
ALTER TABLE "trend_alert_actions" ADD CONSTRAINT "trend_alert_actions_alert_id_trend_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."trend_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trend_alert_actions" ADD CONSTRAINT "trend_alert_actions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trend_alert_history" ADD CONSTRAINT "trend_alert_history_alert_id_trend_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."trend_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trend_alert_actions_alert_idx" ON "trend_alert_actions" USING btree ("alert_id","created_at");--> statement-breakpoint
CREATE INDEX "trend_alert_actions_key_idx" ON "trend_alert_actions" USING btree ("kind","key","created_at");--> statement-breakpoint
CREATE INDEX "trend_alert_history_as_of_idx" ON "trend_alert_history" USING btree ("as_of");--> statement-breakpoint
CREATE INDEX "trend_alerts_key_idx" ON "trend_alerts" USING btree ("kind","key");--> statement-breakpoint
CREATE INDEX "trend_alerts_detected_idx" ON "trend_alerts" USING btree ("detected_at");--> statement-breakpoint
CREATE INDEX "trend_alerts_updated_idx" ON "trend_alerts" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "events_occurred_id_idx" ON "events" USING btree ("occurred_at","id");