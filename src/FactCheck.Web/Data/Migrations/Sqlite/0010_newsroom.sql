-- Issue 13. Transparency pages (About, Team, Funding, Corrections policy, Contact) per language, with
-- every save kept; what each verdict means, in words; the names readers also give a platform, for
-- search; and the kind of claimant (person, organization, or unknown accounts on a platform).
CREATE TABLE "TransparencyPages" (
    "Key" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "PK_TransparencyPages" PRIMARY KEY ("Key", "Language")
);

CREATE TABLE "TransparencyPageRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TransparencyPageRevisions" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL,
    "SavedBy" TEXT NOT NULL
);

CREATE INDEX "IX_TransparencyPageRevisions_Key_Language_SavedAt" ON "TransparencyPageRevisions" ("Key", "Language", "SavedAt");

ALTER TABLE "Ratings" ADD "DescriptionAr" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Ratings" ADD "DescriptionUk" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Ratings" ADD "DescriptionEn" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Platforms" ADD "Equivalents" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Advisories" ADD "ClaimantKind" TEXT NULL;
