namespace FactCheck;

/// <summary>What the desk can be told about (docs/back-office.md, "Notifications").</summary>
public enum NotificationEvent { Submitted, Assigned, SentBack, Published, Corrected, PublishFailed }
