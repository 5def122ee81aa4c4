-- The desk working together (docs/back-office.md): notes on advisories, who an advisory is assigned to,
-- notifications (each person's choices, webhooks, and the outbox of e-mails and webhook calls that is also
-- the delivery log), platform names in three languages, and redirects for renamed or merged tags and platforms.
ALTER TABLE "Platforms" ADD "NameAr" TEXT NULL;
ALTER TABLE "Platforms" ADD "NameUk" TEXT NULL;

CREATE TABLE "TaxonomyRedirects" (
    "Kind" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_TaxonomyRedirects" PRIMARY KEY ("Kind", "From")
);

CREATE TABLE "Webhooks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Webhooks" PRIMARY KEY AUTOINCREMENT,
    "Url" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "Events" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByName" TEXT NOT NULL
);

CREATE TABLE "NotificationSettings" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_NotificationSettings" PRIMARY KEY,
    "Language" TEXT NOT NULL,
    "Muted" TEXT NOT NULL,
    CONSTRAINT "FK_NotificationSettings_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Deliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Deliveries" PRIMARY KEY AUTOINCREMENT,
    "Channel" TEXT NOT NULL,
    "Event" TEXT NOT NULL,
    "AdvisoryId" TEXT NULL,
    "WebhookId" INTEGER NULL,
    "Recipient" TEXT NOT NULL,
    "Subject" TEXT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NULL,
    "DeliveredAt" TEXT NULL,
    "GaveUpAt" TEXT NULL,
    "LastStatus" INTEGER NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_Deliveries_Webhooks_WebhookId" FOREIGN KEY ("WebhookId") REFERENCES "Webhooks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AdvisoryNotes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AdvisoryNotes" PRIMARY KEY AUTOINCREMENT,
    "AdvisoryId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AdvisoryNotes_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Assignments" (
    "AdvisoryId" TEXT NOT NULL CONSTRAINT "PK_Assignments" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    "AssignedByName" TEXT NOT NULL,
    CONSTRAINT "FK_Assignments_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Assignments_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AdvisoryNotes_AdvisoryId_CreatedAt" ON "AdvisoryNotes" ("AdvisoryId", "CreatedAt");
CREATE INDEX "IX_Assignments_UserId" ON "Assignments" ("UserId");
CREATE INDEX "IX_Deliveries_CreatedAt" ON "Deliveries" ("CreatedAt");
CREATE INDEX "IX_Deliveries_NextAttemptAt" ON "Deliveries" ("NextAttemptAt");
CREATE INDEX "IX_Deliveries_WebhookId" ON "Deliveries" ("WebhookId");
