// FactCheck back-office enhancements. Every page works without this script.
"use strict";
