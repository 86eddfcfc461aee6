CREATE TABLE "webhook_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "webhook_events_org_idx" ON "webhook_events" USING btree ("org_id","id");--> statement-breakpoint
CREATE TABLE "webhook_queue" (
	"connection_id" text NOT NULL,
	"event_id" bigint NOT NULL,
	CONSTRAINT "webhook_queue_connection_id_event_id_pk" PRIMARY KEY("connection_id","event_id")
);
--> statement-breakpoint
CREATE FUNCTION webhook_enqueue(events jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Every event of an organisation with a webhook endpoint is kept (a replay can send it later);
  -- each enabled endpoint that subscribed to its type gets it queued, in event order.
  WITH ev AS (
    INSERT INTO webhook_events (org_id, type, payload)
    SELECT e.v->>'org', e.v->>'type', e.v->'data'
    FROM jsonb_array_elements(events) WITH ORDINALITY AS e(v, n)
    WHERE EXISTS (SELECT 1 FROM connections c WHERE c.org_id = e.v->>'org' AND c.platform = 'webhook')
    ORDER BY e.n
    RETURNING id, org_id, type
  )
  INSERT INTO webhook_queue (connection_id, event_id)
  SELECT c.id, ev.id FROM ev
  JOIN connections c ON c.org_id = ev.org_id AND c.platform = 'webhook' AND c.enabled
    AND c.settings->'events' @> jsonb_build_array(ev.type);
END $$;
--> statement-breakpoint
CREATE FUNCTION webhook_inbox_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One statement per inbox write (a page of readings), in the writer's own transaction: the event
  -- exists exactly when the inbox entry does.
  IF EXISTS (SELECT 1 FROM connections c WHERE c.platform = 'webhook'
             AND c.org_id IN (SELECT DISTINCT org_id FROM new_rows)) THEN
    PERFORM webhook_enqueue((
      SELECT jsonb_agg(jsonb_build_object('org', n.org_id, 'type', 'inbox.' || n.kind, 'data',
        jsonb_build_object('cursor', n.id, 'kind', n.kind, 'connectionId', n.connection_id,
          'platform', n.platform, 'sourceId', n.source_id, 'receivedAt', n.received_at,
          'payload', n.payload)) ORDER BY n.id)
      FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER inbox_webhook_events AFTER INSERT ON inbox REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION webhook_inbox_events();
--> statement-breakpoint
CREATE FUNCTION webhook_run_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM webhook_enqueue(jsonb_build_array(jsonb_build_object('org', NEW.org_id,
    'type', CASE WHEN NEW.state = 'succeeded' THEN 'run.succeeded' ELSE 'run.failed' END,
    'data', jsonb_build_object('runId', NEW.id, 'connectionId', NEW.connection_id,
      'platform', NEW.platform, 'state', NEW.state, 'trigger', NEW.trigger, 'sent', NEW.sent,
      'unchanged', NEW.unchanged, 'failed', NEW.failed, 'received', NEW.received,
      'lastError', NEW.last_error, 'startedAt', NEW.started_at, 'finishedAt', NEW.finished_at))));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER operations_webhook_event AFTER UPDATE OF state ON operations FOR EACH ROW
  WHEN (NEW.type = 'run' AND NEW.state IN ('succeeded', 'partial', 'failed')
    AND OLD.state IS DISTINCT FROM NEW.state AND NEW.platform <> 'webhook')
  EXECUTE FUNCTION webhook_run_event();
--> statement-breakpoint
CREATE FUNCTION webhook_record_error_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM connections c WHERE c.id = NEW.connection_id AND c.platform = 'webhook') THEN
    RETURN NULL;
  END IF;
  PERFORM webhook_enqueue(jsonb_build_array(jsonb_build_object('org', NEW.org_id,
    'type', 'record_error.created',
    'data', jsonb_build_object('id', NEW.id, 'connectionId', NEW.connection_id, 'kind', NEW.kind,
      'key', NEW.key, 'code', NEW.code, 'message', NEW.message, 'runId', NEW.run_id,
      'firstSeen', NEW.first_seen))));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_errors_webhook_event AFTER INSERT ON record_errors FOR EACH ROW
  EXECUTE FUNCTION webhook_record_error_event();
