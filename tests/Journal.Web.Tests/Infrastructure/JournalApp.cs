using System.Net;
using System.Text.RegularExpressions;
using Journal.Web.Data;
using Journal.Web.Data.Seed;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

[assembly: AssemblyFixture(typeof(Journal.Web.Tests.Infrastructure.JournalApp))]

namespace Journal.Web.Tests.Infrastructure;

/// <summary>
/// The whole application on a real PostgreSQL: a fresh database per test run (created from
/// JOURNAL_TEST_CONNECTION, which scripts/test.sh sets), migrated and seeded with the demo schools
/// by the application's own code, dropped at the end.
/// </summary>
public partial class JournalApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo-Pass-2026";

    private readonly string _serverConnection;
    private readonly string _ownerServerConnection;
    private readonly string _databaseName = $"journal_test_{Guid.NewGuid():N}";

    private readonly TimeProvider? _time;

    public JournalApp()
        : this(null)
    {
    }

    /// <summary>An app whose clock reads <paramref name="time"/> (seeding included), for rules that depend on the date.</summary>
    protected JournalApp(TimeProvider? time)
    {
        _time = time;
        _serverConnection = Environment.GetEnvironmentVariable("JOURNAL_TEST_CONNECTION")
            ?? throw new InvalidOperationException(
                "JOURNAL_TEST_CONNECTION is not set: run the tests with scripts/test.sh, which starts a private PostgreSQL.");
        // The schema owner creates the database and migrates; the app connects as a role that owns nothing.
        _ownerServerConnection = Environment.GetEnvironmentVariable("JOURNAL_TEST_OWNER_CONNECTION") ?? _serverConnection;
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnection) { Database = _databaseName, Pooling = true }.ToString();
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(_ownerServerConnection) { Database = _databaseName }.ToString();

        // A real Kestrel server on a free loopback port, so a real browser can reach the same app.
        UseKestrel(0);
    }

    /// <summary>The schema owner's connection string for this run's database.</summary>
    public string OwnerConnectionString { get; }

    /// <summary>Where the running app listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Connection string of this run's database, as the application's own (non-superuser) role.</summary>
    public string ConnectionString { get; }

    public async ValueTask InitializeAsync()
    {
        await using (var server = new NpgsqlConnection(_ownerServerConnection))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_databaseName}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        ClientOptions.BaseAddress = BaseAddress;
        await DatabaseRoles.MigrateAsync(
            _ownerServerConnection == _serverConnection ? null : OwnerConnectionString, ConnectionString);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        // A connection a test left open belongs to the application's role, whose sessions the schema owner may not
        // end (DROP … WITH (FORCE) would refuse): the application's role ends its own first.
        await using (var app = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_serverConnection) { Pooling = false }.ToString()))
        {
            await app.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid() AND usename = current_user",
                app);
            terminate.Parameters.AddWithValue("db", _databaseName);
            await terminate.ExecuteScalarAsync();
        }

        await using var server = new NpgsqlConnection(_ownerServerConnection);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Journal", ConnectionString);
        if (_time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_time));
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where a page sends them.</summary>
    public HttpClient Anonymous() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Signs in through the real /login form (with its anti-forgery token) and returns the client.</summary>
    public async Task<HttpClient> SignInAsync(string login, string password = DemoPassword)
    {
        var client = Anonymous();
        var response = await PostLoginAsync(client, login, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {login} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string login, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Reads the anti-forgery token of the first form on a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No anti-forgery token on {path}");
    }

    /// <summary>
    /// A fresh account with no school, for tests that fail sign-ins on purpose: failed attempts on a
    /// shared demo account would race with other tests signing in to it.
    /// </summary>
    public async Task<string> CreateAccountAsync(string prefix)
    {
        var login = $"{prefix}-{Guid.NewGuid():N}";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = login, DisplayName = "Тест" }, DemoPassword);
        return result.Succeeded ? login : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A scope acting for one school, as a request of that school would.</summary>
    public AsyncServiceScope SchoolScope(Guid schoolId)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterSchool(schoolId, "test", "test", "Europe/Moscow");
        return scope;
    }

    public async Task<Guid> SchoolIdAsync(string slug)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
        return await db.Schools.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
