using System.Diagnostics;

namespace FactCheck.Tests.Registry;

/// <summary>
/// Chat-like screenshots with real text, drawn by ImageMagick through Pango (so Arabic is shaped and runs
/// right to left) in Debian's Noto fonts; script/test installs both. Metadata can be added with exiftool.
/// </summary>
internal static class TestScreenshots
{
    /// <summary>A PNG of <paramref name="lines"/> (Pango markup allowed) on a white chat bubble background.</summary>
    public static byte[] Chat(int width, params string[] lines)
    {
        var folder = Directory.CreateTempSubdirectory("factcheck-ocr").FullName;
        try
        {
            var markup = string.Join("\n", lines);
            var text = Path.Combine(folder, "text.png");
            Run("/usr/bin/convert", "-size", $"{width - 80}x", "-background", "white", $"pango:{markup}", text);
            var output = Path.Combine(folder, "chat.png");
            Run("/usr/bin/convert", text, "-bordercolor", "white", "-border", "40", "-bordercolor", "#ece5dd", "-border", "20", output);
            return File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The same PNG with a GPS position, a camera and a comment written into it by exiftool.</summary>
    public static byte[] WithMetadata(byte[] png)
    {
        var folder = Directory.CreateTempSubdirectory("factcheck-exif").FullName;
        try
        {
            var file = Path.Combine(folder, "shot.png");
            File.WriteAllBytes(file, png);
            Run("/usr/bin/exiftool", "-q", "-overwrite_original", "-GPSLatitude=50.4501", "-GPSLatitudeRef=N", "-GPSLongitude=30.5234",
                "-GPSLongitudeRef=E", "-Make=TestPhone", "-Comment=reader-secret-comment", file);
            return File.ReadAllBytes(file);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs a tool; ImageMagick rarely exits non-zero without a word when several tests draw at once, so it gets three tries.</summary>
    private static void Run(string command, params string[] arguments)
    {
        var failure = "";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0) return;
            failure = $"{command} exited with {process.ExitCode}: {errors.Result}";
        }
        Assert.Fail(failure);
    }
}
