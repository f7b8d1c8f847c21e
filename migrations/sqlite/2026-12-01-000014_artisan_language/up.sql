-- The language of an artisan's pay slip (issue 13): English, Bengali, Hindi or Marathi.
ALTER TABLE artisans ADD COLUMN slip_language TEXT NOT NULL DEFAULT 'en'
    CHECK (slip_language IN ('en', 'bn', 'hi', 'mr'));
