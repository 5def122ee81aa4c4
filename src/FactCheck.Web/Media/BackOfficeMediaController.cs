using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>/admin/media/{name}: any screenshot, published or not, for signed-in staff (never cached: BackOfficeController).</summary>
[Route(BackOfficeSetup.PathBase + "/media")]
public sealed class BackOfficeMediaController(AppDbContext db, IMediaStore store) : BackOfficeController
{
    [HttpGet("{name}")]
    public async Task<IActionResult> Show(string name, CancellationToken cancellationToken) =>
        MediaAccess.IsName(name) && await db.ScreenshotFiles.AnyAsync(f => f.FileName == name, cancellationToken)
            ? MediaAccess.File(this, store, name)
            : NotFound();
}
