using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace FactCheck;

/// <summary>
/// Posts a webhook delivery: the JSON body as stored, signed with HMAC-SHA256 under the webhook's secret in
/// X-FactCheck-Signature ("sha256=" and the hex digest of the exact body bytes). Any 2xx answer counts as delivered.
/// </summary>
public sealed class WebhookPoster(IHttpClientFactory clients)
{
    public const string ClientName = "webhooks";
    public const string SignatureHeader = "X-FactCheck-Signature";
    public const string EventHeader = "X-FactCheck-Event";
    public const string DeliveryHeader = "X-FactCheck-Delivery";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>A new secret: 32 random bytes, base64url.</summary>
    public static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public async Task<DeliveryResult> PostAsync(Webhook hook, Delivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Sign(hook.Secret, body));
        request.Headers.Add(EventHeader, NotificationOutbox.EventName(delivery.Event));
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 300
                ? new DeliveryResult(true, status)
                : new DeliveryResult(false, status, $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException problem)
        {
            return new DeliveryResult(false, Error: problem.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(false, Error: "no answer in time");
        }
    }
}
