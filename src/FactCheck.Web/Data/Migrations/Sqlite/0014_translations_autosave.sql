-- Translations made with "Translate into…": the source advisory and the revision of it they match.
ALTER TABLE "Advisories" ADD "TranslatedFromId" TEXT NULL REFERENCES "Advisories" ("Id") ON DELETE SET NULL;
ALTER TABLE "Advisories" ADD "TranslatedFromRevision" INTEGER NULL;
CREATE INDEX "IX_Advisories_TranslatedFromId" ON "Advisories" ("TranslatedFromId");

-- The editor form as typed, kept every few seconds per editor and advisory (never published, never a revision).
CREATE TABLE "Autosaves" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Autosaves" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "AdvisoryId" TEXT NULL,
    "BaseVersion" INTEGER NOT NULL,
    "SavedAt" TEXT NOT NULL,
    "Form" TEXT NOT NULL,
    CONSTRAINT "FK_Autosaves_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Autosaves_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_Autosaves_AdvisoryId" ON "Autosaves" ("AdvisoryId");
CREATE UNIQUE INDEX "IX_Autosaves_UserId_Key" ON "Autosaves" ("UserId", "Key");
