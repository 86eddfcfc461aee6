CREATE TABLE "is74_dirty" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "is74_view_orgs" (
	"org_id" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "records_is74_view_account_idx" ON "records" USING btree ((data->>'accountNumber'),"org_id") WHERE kind = 'is74_contract_view';--> statement-breakpoint
CREATE INDEX "records_is74_view_premise_idx" ON "records" USING btree ((data->>'premiseId'),"org_id") WHERE kind = 'is74_contract_view';--> statement-breakpoint
CREATE INDEX "records_is74_view_house_idx" ON "records" USING btree ((data->>'houseId'),"org_id") WHERE kind = 'is74_contract_view';--> statement-breakpoint
CREATE FUNCTION is74_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Views exist only for contracts: an organisation that never had one has nothing to keep current
  -- (its first contract renders its view from whatever is there). Asked of a table of one row per
  -- such organisation, not of records: a plan cached while records was small would scan it.
  IF NEW.kind = 'contract' THEN
    INSERT INTO is74_view_orgs (org_id) VALUES (NEW.org_id) ON CONFLICT DO NOTHING;
  ELSIF NOT EXISTS (SELECT 1 FROM is74_view_orgs WHERE org_id = NEW.org_id) THEN
    RETURN NULL;
  END IF;
  IF NEW.kind IN ('contract', 'balance') THEN
    INSERT INTO is74_dirty (org_id, kind, ref) VALUES (NEW.org_id, 'account', NEW.data->>'accountNumber');
    -- Moved to another лицевой счёт: the old one's views change too.
    IF TG_OP = 'UPDATE' AND (OLD.data->>'accountNumber') IS DISTINCT FROM (NEW.data->>'accountNumber') THEN
      INSERT INTO is74_dirty (org_id, kind, ref) VALUES (NEW.org_id, 'account', OLD.data->>'accountNumber');
    END IF;
  ELSE
    INSERT INTO is74_dirty (org_id, kind, ref) VALUES (NEW.org_id, NEW.kind, NEW.key);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER records_is74_dirty AFTER INSERT OR UPDATE ON records FOR EACH ROW
  WHEN (NEW.kind IN ('contract', 'balance', 'account', 'premise', 'house', 'tariff'))
  EXECUTE FUNCTION is74_mark_dirty();
--> statement-breakpoint
INSERT INTO is74_view_orgs (org_id) SELECT DISTINCT org_id FROM records WHERE kind = 'contract';
--> statement-breakpoint
INSERT INTO is74_dirty (org_id, kind, ref)
  SELECT DISTINCT org_id, 'account', data->>'accountNumber' FROM records WHERE kind = 'contract';
