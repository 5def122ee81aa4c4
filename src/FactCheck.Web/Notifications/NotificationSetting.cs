namespace FactCheck;

/// <summary>One person's choices: the e-mails they do not want, and the language they want them in.</summary>
public class NotificationSetting
{
    public string UserId { get; set; } = "";
    public string Language { get; set; } = SiteLanguage.Default.Code;
    /// <summary>Comma-separated <see cref="NotificationEvent"/> names the person turned off.</summary>
    public string Muted { get; set; } = "";

    public bool Wants(NotificationEvent notification) => !Muted.Split(',').Contains(notification.ToString());
}
