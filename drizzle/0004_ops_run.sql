CREATE TABLE "connection_run_stats" (
	"connection_id" text NOT NULL,
	"state" text NOT NULL,
	"runs" bigint DEFAULT 0 NOT NULL,
	"last_finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connection_run_stats_connection_id_state_pk" PRIMARY KEY("connection_id","state")
);--> statement-breakpoint
CREATE INDEX "record_errors_open_idx" ON "record_errors" USING btree ("connection_id","code") WHERE state = 'open';--> statement-breakpoint
INSERT INTO "connection_run_stats" ("connection_id", "state", "runs", "last_finished_at")
SELECT "connection_id", "state", count(*), max(coalesce("finished_at", "created_at")) FROM "operations"
WHERE "type" = 'run' AND "state" IN ('succeeded', 'partial', 'failed', 'cancelled')
GROUP BY "connection_id", "state";
