CREATE TABLE "export_cursors" (
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"position" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "export_cursors_org_id_kind_name_pk" PRIMARY KEY("org_id","kind","name")
);
--> statement-breakpoint
ALTER TABLE "export_cursors" ADD CONSTRAINT "export_cursors_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;
