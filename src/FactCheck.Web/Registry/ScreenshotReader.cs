using System.ComponentModel;
using System.Diagnostics;

namespace FactCheck;

/// <summary>
/// Reads the text of a screenshot with tesseract, run as a separate process on the metadata-free PNG the
/// image pipeline made (never on the reader's bytes). Returns null when OCR is not installed or gives up.
/// </summary>
public sealed class ScreenshotReader(OcrOptions options, ILogger<ScreenshotReader> logger)
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Concurrency));

    public async Task<string?> ReadAsync(byte[] png, CancellationToken cancellationToken = default)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(png, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<string?> RunAsync(byte[] png, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Command)
        {
            ArgumentList = { "stdin", "stdout", "-l", options.Languages, "--psm", "3" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Tesseract's OpenMP threads fight each other and the web server on a small machine; one is faster.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception e)
        {
            logger.LogWarning("OCR is not available ({Command}: {Message})", options.Command, e.Message);
            return null;
        }
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.StandardInput.BaseStream.WriteAsync(png, timeout.Token);
                process.StandardInput.Close();
                await process.WaitForExitAsync(timeout.Token);
                if (process.ExitCode != 0)
                {
                    logger.LogWarning("OCR failed with exit code {Code}: {Errors}", process.ExitCode, await errors);
                    return null;
                }
                return await output;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                logger.LogWarning("OCR took longer than {Seconds} s and was stopped", options.TimeoutSeconds);
                return null;
            }
            catch (IOException e)
            {
                logger.LogWarning("OCR failed: {Message}", e.Message);
                return null;
            }
        }
    }
}
