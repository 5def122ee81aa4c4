-- Hostile input and bad days (issue 18):
-- server-side back-office sessions, so that signing out (or an Admin) ends a copied cookie too;
-- and an index on screenshot file names, which /media now asks on every request (only files of
-- published advisories are served) and the orphan sweep and deletions ask for every file.
-- Generated with 'FactCheck.Web schema' (see README, "How the database schema changes").
CREATE TABLE "EditorSessions" (
    "Id" character varying(32) NOT NULL,
    "UserId" character varying(450) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    "EndedBy" character varying(256),
    "IpAddress" character varying(64),
    "UserAgent" character varying(300),
    CONSTRAINT "PK_EditorSessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EditorSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EditorSessions_UserId" ON "EditorSessions" ("UserId");

CREATE INDEX "IX_ScreenshotFiles_FileName" ON "ScreenshotFiles" ("FileName");
