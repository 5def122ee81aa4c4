using System.Text.Json;

namespace FactCheck;

/// <summary>
/// The editor form as it was being typed, kept on the server every few seconds by wwwroot/js/autosave.js so
/// that a crash, a closed tab or a lost connection loses nothing. One per editor and advisory (or per new,
/// unsaved advisory: <see cref="Key"/> "new:…"). Never read by public pages, never a revision, never applied
/// to the advisory by itself: the editor opens with it and decides (keep, then Save; or discard).
/// </summary>
public class Autosave
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The advisory's id ("N" format), or "new:" and the key the new-advisory form was given.</summary>
    public string Key { get; set; } = "";
    /// <summary>Null for a new advisory not saved yet.</summary>
    public Guid? AdvisoryId { get; set; }
    /// <summary>The advisory version the form was opened at: saving the recovered form conflicts (both texts shown) if it moved since.</summary>
    public int BaseVersion { get; set; }
    public DateTime SavedAt { get; set; }
    /// <summary>The <see cref="AdvisoryForm"/> as typed, as JSON.</summary>
    public string Form { get; set; } = "";

    public AdvisoryForm ReadForm()
    {
        try
        {
            return JsonSerializer.Deserialize<AdvisoryForm>(Form) ?? new AdvisoryForm();
        }
        catch (JsonException)
        {
            return new AdvisoryForm();
        }
    }
}
