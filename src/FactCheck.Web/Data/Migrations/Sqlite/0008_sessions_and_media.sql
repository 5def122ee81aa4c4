-- Hostile input and bad days (issue 18):
-- server-side back-office sessions, so that signing out (or an Admin) ends a copied cookie too;
-- and an index on screenshot file names, which /media now asks on every request (only files of
-- published advisories are served) and the orphan sweep and deletions ask for every file.
-- Generated with 'FactCheck.Web schema' (see README, "How the database schema changes").
CREATE TABLE "EditorSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EditorSessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "EndedBy" TEXT NULL,
    "IpAddress" TEXT NULL,
    "UserAgent" TEXT NULL,
    CONSTRAINT "FK_EditorSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EditorSessions_UserId" ON "EditorSessions" ("UserId");

CREATE INDEX "IX_ScreenshotFiles_FileName" ON "ScreenshotFiles" ("FileName");
