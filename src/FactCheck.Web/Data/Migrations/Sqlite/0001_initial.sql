-- Initial schema. Generated with 'FactCheck.Web schema' (see README, "Database migrations").
CREATE TABLE "Authors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Authors" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);


CREATE TABLE "Platforms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Platforms" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);


CREATE TABLE "Ratings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Ratings" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "LabelAr" TEXT NOT NULL,
    "LabelUk" TEXT NOT NULL,
    "LabelEn" TEXT NOT NULL,
    "Colour" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL
);


CREATE TABLE "Tags" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tags" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);


CREATE TABLE "Advisories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Advisories" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "ClaimText" TEXT NULL,
    "Claimant" TEXT NULL,
    "ClaimFirstSeen" TEXT NULL,
    "ClaimAppearances" TEXT NOT NULL,
    "RatingId" INTEGER NULL,
    "Severity" TEXT NULL,
    "Steps" TEXT NOT NULL,
    "TranslationKey" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ScheduledFor" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawalReason" TEXT NULL,
    CONSTRAINT "FK_Advisories_Ratings_RatingId" FOREIGN KEY ("RatingId") REFERENCES "Ratings" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "AdvisoryAuthors" (
    "AdvisoriesId" TEXT NOT NULL,
    "AuthorsId" INTEGER NOT NULL,
    CONSTRAINT "PK_AdvisoryAuthors" PRIMARY KEY ("AdvisoriesId", "AuthorsId"),
    CONSTRAINT "FK_AdvisoryAuthors_Advisories_AdvisoriesId" FOREIGN KEY ("AdvisoriesId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AdvisoryAuthors_Authors_AuthorsId" FOREIGN KEY ("AuthorsId") REFERENCES "Authors" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AdvisoryPlatforms" (
    "AdvisoriesId" TEXT NOT NULL,
    "PlatformsId" INTEGER NOT NULL,
    CONSTRAINT "PK_AdvisoryPlatforms" PRIMARY KEY ("AdvisoriesId", "PlatformsId"),
    CONSTRAINT "FK_AdvisoryPlatforms_Advisories_AdvisoriesId" FOREIGN KEY ("AdvisoriesId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AdvisoryPlatforms_Platforms_PlatformsId" FOREIGN KEY ("PlatformsId") REFERENCES "Platforms" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AdvisoryTags" (
    "AdvisoriesId" TEXT NOT NULL,
    "TagsId" INTEGER NOT NULL,
    CONSTRAINT "PK_AdvisoryTags" PRIMARY KEY ("AdvisoriesId", "TagsId"),
    CONSTRAINT "FK_AdvisoryTags_Advisories_AdvisoriesId" FOREIGN KEY ("AdvisoriesId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AdvisoryTags_Tags_TagsId" FOREIGN KEY ("TagsId") REFERENCES "Tags" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Corrections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Corrections" PRIMARY KEY AUTOINCREMENT,
    "AdvisoryId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Corrections_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Indicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Indicators" PRIMARY KEY AUTOINCREMENT,
    "AdvisoryId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Raw" TEXT NOT NULL,
    "Normalized" TEXT NOT NULL,
    "Country" TEXT NULL,
    "FirstSeen" TEXT NULL,
    "LastSeen" TEXT NULL,
    CONSTRAINT "FK_Indicators_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Screenshots" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Screenshots" PRIMARY KEY AUTOINCREMENT,
    "AdvisoryId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "AltText" TEXT NOT NULL,
    "Caption" TEXT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "PerceptualHash" INTEGER NOT NULL,
    "OriginalFileName" TEXT NULL,
    CONSTRAINT "FK_Screenshots_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Sources" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Sources" PRIMARY KEY AUTOINCREMENT,
    "AdvisoryId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "Publisher" TEXT NULL,
    "AccessedOn" TEXT NULL,
    "ArchiveUrl" TEXT NULL,
    CONSTRAINT "FK_Sources_Advisories_AdvisoryId" FOREIGN KEY ("AdvisoryId") REFERENCES "Advisories" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ScreenshotFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScreenshotFiles" PRIMARY KEY AUTOINCREMENT,
    "ScreenshotId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "Length" INTEGER NOT NULL,
    CONSTRAINT "FK_ScreenshotFiles_Screenshots_ScreenshotId" FOREIGN KEY ("ScreenshotId") REFERENCES "Screenshots" ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_Advisories_Language_Slug" ON "Advisories" ("Language", "Slug");


CREATE INDEX "IX_Advisories_RatingId" ON "Advisories" ("RatingId");


CREATE INDEX "IX_Advisories_Status_Language_PublishedAt" ON "Advisories" ("Status", "Language", "PublishedAt");


CREATE INDEX "IX_Advisories_TranslationKey" ON "Advisories" ("TranslationKey");


CREATE INDEX "IX_AdvisoryAuthors_AuthorsId" ON "AdvisoryAuthors" ("AuthorsId");


CREATE INDEX "IX_AdvisoryPlatforms_PlatformsId" ON "AdvisoryPlatforms" ("PlatformsId");


CREATE INDEX "IX_AdvisoryTags_TagsId" ON "AdvisoryTags" ("TagsId");


CREATE UNIQUE INDEX "IX_Authors_Name" ON "Authors" ("Name");


CREATE INDEX "IX_Corrections_AdvisoryId" ON "Corrections" ("AdvisoryId");


CREATE INDEX "IX_Corrections_PublishedAt" ON "Corrections" ("PublishedAt");


CREATE INDEX "IX_Indicators_AdvisoryId" ON "Indicators" ("AdvisoryId");


CREATE INDEX "IX_Indicators_Normalized" ON "Indicators" ("Normalized");


CREATE UNIQUE INDEX "IX_Platforms_Key" ON "Platforms" ("Key");


CREATE UNIQUE INDEX "IX_Ratings_Key" ON "Ratings" ("Key");


CREATE INDEX "IX_ScreenshotFiles_ScreenshotId" ON "ScreenshotFiles" ("ScreenshotId");


CREATE INDEX "IX_Screenshots_AdvisoryId" ON "Screenshots" ("AdvisoryId");


CREATE INDEX "IX_Sources_AdvisoryId" ON "Sources" ("AdvisoryId");


CREATE UNIQUE INDEX "IX_Tags_Name" ON "Tags" ("Name");



