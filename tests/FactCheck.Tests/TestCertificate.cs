using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FactCheck.Tests;

/// <summary>
/// A throwaway self-signed certificate for localhost and 127.0.0.1. Tests that run the real server
/// (a browser, a started process) need HTTPS for the back-office, as production does: outside
/// Development its cookies are Secure and antiforgery refuses to issue tokens over plain HTTP.
/// </summary>
public static class TestCertificate
{
    private static readonly Lazy<X509Certificate2> certificate = new(Create);

    public static X509Certificate2 Localhost => certificate.Value;

    /// <summary>Writes the certificate with its private key as PKCS#12, for Kestrel's Certificates:Default:Path setting.</summary>
    public static void WritePfx(string path, string password) =>
        File.WriteAllBytes(path, Localhost.Export(X509ContentType.Pfx, password));

    private static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Loaded back from PKCS#12: on Linux, SslStream needs the key in that form rather than the ephemeral one.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
