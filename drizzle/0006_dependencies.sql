-- Dependency-aware change detection (engine/run/dependency-changes.ts): the accounts of a changed
-- premise and the premises of a changed house, found through an index rather than a scan of the kind.
CREATE INDEX "records_account_premise_idx" ON "records" USING btree ((data->>'premiseId'),"org_id") WHERE kind = 'account';--> statement-breakpoint
CREATE INDEX "records_premise_house_idx" ON "records" USING btree ((data->>'houseId'),"org_id") WHERE kind = 'premise';
