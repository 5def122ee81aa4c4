using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Notifications;

/// <summary>A webhook call as the receiver got it.</summary>
public sealed record ReceivedCall(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// A real HTTP server on a free loopback port that records every POST to /hook and answers with the statuses
/// a test lines up (<see cref="AnswerNext"/>), 200 otherwise.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication app = null!;
    private readonly Channel<ReceivedCall> calls = Channel.CreateUnbounded<ReceivedCall>();
    private readonly ConcurrentQueue<int> answers = new();
    private readonly ConcurrentQueue<ReceivedCall> all = new();

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        // Empty: no configuration files to watch, no logging; Kestrel and routing only.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRouting();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver { app = app };
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var call = new ReceivedCall(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray());
            receiver.all.Enqueue(call);
            await receiver.calls.Writer.WriteAsync(call);
            return Results.StatusCode(receiver.answers.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    /// <summary>The next calls are answered with these statuses, in order.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses) answers.Enqueue(status);
    }

    /// <summary>Every call received so far.</summary>
    public IReadOnlyList<ReceivedCall> Calls => all.ToList();

    /// <summary>The next call not yet taken; the timeout only bounds a failing test.</summary>
    public async Task<ReceivedCall> NextAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        return await calls.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Takes the calls received so far without waiting.</summary>
    public List<ReceivedCall> Drain()
    {
        var taken = new List<ReceivedCall>();
        while (calls.Reader.TryRead(out var call)) taken.Add(call);
        return taken;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
