CREATE TABLE "checkpoints" (
	"connection_id" text NOT NULL,
	"stream" text NOT NULL,
	"version" bigint NOT NULL,
	"value" jsonb NOT NULL,
	"rev" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkpoints_connection_id_stream_pk" PRIMARY KEY("connection_id","stream")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"connection_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"hash" text NOT NULL,
	"status" text NOT NULL,
	"source" text,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_connection_id_kind_key_pk" PRIMARY KEY("connection_id","kind","key")
);
--> statement-breakpoint
CREATE TABLE "id_map" (
	"connection_id" text NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"platform_id" text NOT NULL,
	"temporary" boolean DEFAULT false NOT NULL,
	"first_seen" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "id_map_connection_id_entity_key_pk" PRIMARY KEY("connection_id","entity","key")
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"platform" text NOT NULL,
	"parent_id" bigint,
	"type" text NOT NULL,
	"kind" text,
	"state" text NOT NULL,
	"trigger" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"planned" bigint,
	"sent" bigint DEFAULT 0 NOT NULL,
	"unchanged" bigint DEFAULT 0 NOT NULL,
	"failed" bigint DEFAULT 0 NOT NULL,
	"received" bigint DEFAULT 0 NOT NULL,
	"acknowledged" bigint DEFAULT 0 NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"last_error" text,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "record_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"run_id" bigint,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"excerpt" text,
	"attempts" bigint DEFAULT 1 NOT NULL,
	"state" text NOT NULL,
	"first_seen" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "records_seq_idx";--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_errors" ADD CONSTRAINT "record_errors_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "id_map_platform_uq" ON "id_map" USING btree ("connection_id","entity","platform_id");--> statement-breakpoint
CREATE INDEX "operations_org_idx" ON "operations" USING btree ("org_id","type","id");--> statement-breakpoint
CREATE INDEX "operations_conn_idx" ON "operations" USING btree ("connection_id","type","id");--> statement-breakpoint
CREATE INDEX "operations_parent_idx" ON "operations" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "record_errors_uq" ON "record_errors" USING btree ("connection_id","kind","key");--> statement-breakpoint
CREATE INDEX "record_errors_org_idx" ON "record_errors" USING btree ("org_id","state","id");--> statement-breakpoint
CREATE INDEX "records_change_idx" ON "records" USING btree ("seq");