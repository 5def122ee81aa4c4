-- "Has this scam been covered before?" scans (PerceptualHash, Id) through this index.
-- Screenshots remember their redactions, so redacting again from a kept original (Media:KeepOriginalsPath) repeats them.
ALTER TABLE "Screenshots" ADD "Redactions" text NULL;
CREATE INDEX "IX_Screenshots_PerceptualHash_AdvisoryId" ON "Screenshots" ("PerceptualHash", "AdvisoryId");
