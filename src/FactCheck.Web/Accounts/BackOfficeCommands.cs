using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace FactCheck;

/// <summary>Command-line account commands (docs/back-office.md).</summary>
public static class BackOfficeCommands
{
    /// <summary>
    /// create-admin &lt;email&gt; [--name "Display name"]: creates an Admin account. The password is typed
    /// at a hidden prompt, or read from standard input when it is redirected (for scripts).
    /// </summary>
    public static async Task<int> CreateAdminAsync(WebApplication app, string[] args)
    {
        var email = args.Length > 1 && !args[1].StartsWith('-') ? args[1].Trim() : null;
        var nameIndex = Array.IndexOf(args, "--name");
        var name = nameIndex > 0 && nameIndex + 1 < args.Length ? args[nameIndex + 1].Trim() : email;
        if (email is null)
        {
            Console.Error.WriteLine("Usage: create-admin <email> [--name \"Display name\"]   (password from a prompt or standard input)");
            return 2;
        }

        // Checked before the password prompt, so nobody types a password twice for an address that cannot work.
        if (!new EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            Console.Error.WriteLine($"'{email}' is not an e-mail address. Usage: create-admin <email> [--name \"Display name\"]");
            return 2;
        }
        if (string.IsNullOrEmpty(name) || name.Length > 100 || AdvisoryRules.HasControl(name, multiline: false))
        {
            Console.Error.WriteLine("The display name must be 1 to 100 characters, without control characters.");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await BackOfficeSetup.EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine($"An account for {email} already exists; nothing was changed.");
            return 1;
        }

        string? password;
        if (Console.IsInputRedirected) password = Console.In.ReadLine();
        else
        {
            password = ReadHidden("Password (at least 12 characters): ");
            if (ReadHidden("Repeat it: ") != password)
            {
                Console.Error.WriteLine("The two passwords differ; no account was created.");
                return 1;
            }
        }

        // The account, its role and its audit entry are written together or not at all.
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new EditorUser { UserName = email, Email = email, DisplayName = name ?? email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password ?? "");
        if (result.Succeeded) result = await users.AddToRoleAsync(user, EditorRoles.Admin);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine(error.Description);
            Console.Error.WriteLine("No account was created.");
            return 1;
        }
        scope.ServiceProvider.GetRequiredService<AuditLog>()
            .Add(AuditAction.UserCreated, $"user {email}", "Admin (create-admin command)", actorName: "command line");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Console.WriteLine($"Created administrator {email}. Sign in at /admin/sign-in.");
        return 0;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }
}
