namespace FactCheck;

public enum RevisionReason { Create, Save, Restore, Conflict, Submit, Publish, Schedule, Unschedule, Withdraw, ReturnToDraft, Screenshots }
