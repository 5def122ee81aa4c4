namespace FactCheck;

public enum AdvisoryStatus { Draft, InReview, Scheduled, Published, Withdrawn }
