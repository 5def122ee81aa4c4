-- More than one instance of the site on one database (README, "Running at scale"):
-- the data-protection key ring that encrypts sign-in cookies and antiforgery tokens, shared by every
-- instance, and leases that let one instance at a time run a job such as scheduled publishing.
-- Generated with 'FactCheck.Web schema' (see README, "How the database schema changes").
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "Leases" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_Leases" PRIMARY KEY,
    "Holder" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL
);
