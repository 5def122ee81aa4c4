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

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await BackOfficeSetup.EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine($"An account for {email} already exists.");
            return 1;
        }

        string? password;
        if (Console.IsInputRedirected) password = Console.In.ReadLine();
        else
        {
            password = ReadHidden("Password (at least 12 characters): ");
            if (ReadHidden("Repeat it: ") != password)
            {
                Console.Error.WriteLine("The two passwords differ.");
                return 1;
            }
        }

        var user = new EditorUser { UserName = email, Email = email, DisplayName = name ?? email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password ?? "");
        if (result.Succeeded) result = await users.AddToRoleAsync(user, EditorRoles.Admin);
        if (!result.Succeeded)
        {
            if (user.Id is { } id && await users.FindByIdAsync(id) is { } created) await users.DeleteAsync(created);
            foreach (var error in result.Errors) Console.Error.WriteLine(error.Description);
            return 1;
        }
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await audit.WriteAsync(AuditAction.UserCreated, $"user {email}", "Admin (create-admin command)", actorName: "command line");
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
