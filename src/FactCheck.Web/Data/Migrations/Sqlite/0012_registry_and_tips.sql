-- The indicator registry (statuses over time, organisations and their official channels, revisions) and readers' tips.
-- Generated with 'FactCheck.Web schema' (see README, "How the database schema changes").
CREATE TABLE "Organisations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Organisations" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Website" TEXT NULL
);

CREATE TABLE "RegistryEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RegistryEntries" PRIMARY KEY AUTOINCREMENT,
    "Type" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "PhoneKey" TEXT NULL,
    "Label" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "RegistryStatuses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RegistryStatuses" PRIMARY KEY AUTOINCREMENT,
    "EntryId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Since" TEXT NOT NULL,
    "OrganisationId" INTEGER NULL,
    "Channel" TEXT NULL,
    "Note" TEXT NULL,
    "SourceTitle" TEXT NULL,
    "SourceUrl" TEXT NULL,
    "AdvisoryId" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    CONSTRAINT "FK_RegistryStatuses_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_RegistryStatuses_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegistryStatuses_RegistryEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "RegistryEntries" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RegistryRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RegistryRevisions" PRIMARY KEY AUTOINCREMENT,
    "EntryId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "SavedAt" TEXT NOT NULL,
    "SavedById" TEXT NULL,
    "SavedByName" TEXT NOT NULL,
    "Change" TEXT NOT NULL,
    "Snapshot" TEXT NOT NULL,
    CONSTRAINT "FK_RegistryRevisions_RegistryEntries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "RegistryEntries" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Tips" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tips" PRIMARY KEY,
    "ReceivedAt" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Contact" TEXT NULL,
    "WantsReply" INTEGER NOT NULL,
    "ScreenshotFile" TEXT NULL,
    "ScreenshotHash" INTEGER NULL,
    "ScreenshotWidth" INTEGER NULL,
    "ScreenshotHeight" INTEGER NULL,
    "Redactions" TEXT NULL,
    "ScreenshotText" TEXT NULL,
    "State" TEXT NOT NULL,
    "AdvisoryId" TEXT NULL,
    "ReplyDueAt" TEXT NULL,
    "ReplySentAt" TEXT NULL,
    CONSTRAINT "FK_Tips_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE SET NULL
);

CREATE TABLE "TipIndicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TipIndicators" PRIMARY KEY AUTOINCREMENT,
    "TipId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    CONSTRAINT "FK_TipIndicators_Tips_TipId" FOREIGN KEY ("TipId") REFERENCES "Tips" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Organisations_Key" ON "Organisations" ("Key");

CREATE INDEX "IX_RegistryEntries_PhoneKey" ON "RegistryEntries" ("PhoneKey");

CREATE UNIQUE INDEX "IX_RegistryEntries_Type_Value" ON "RegistryEntries" ("Type", "Value");

CREATE UNIQUE INDEX "IX_RegistryRevisions_EntryId_Number" ON "RegistryRevisions" ("EntryId", "Number");

CREATE INDEX "IX_RegistryStatuses_AdvisoryId" ON "RegistryStatuses" ("AdvisoryId");

CREATE INDEX "IX_RegistryStatuses_EntryId" ON "RegistryStatuses" ("EntryId");

CREATE INDEX "IX_RegistryStatuses_OrganisationId" ON "RegistryStatuses" ("OrganisationId");

CREATE INDEX "IX_RegistryStatuses_Status" ON "RegistryStatuses" ("Status");

CREATE INDEX "IX_TipIndicators_TipId" ON "TipIndicators" ("TipId");

CREATE INDEX "IX_TipIndicators_Type_Value" ON "TipIndicators" ("Type", "Value");

CREATE INDEX "IX_Tips_AdvisoryId" ON "Tips" ("AdvisoryId");

CREATE INDEX "IX_Tips_ReceivedAt" ON "Tips" ("ReceivedAt");

CREATE INDEX "IX_Tips_State_ReceivedAt" ON "Tips" ("State", "ReceivedAt");
