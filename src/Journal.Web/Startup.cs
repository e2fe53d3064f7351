using System.Globalization;
using FluentValidation;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Interceptors;
using Journal.Web.Data.Seed;
using Journal.Web.Files;
using Journal.Web.Infrastructure;
using Journal.Web.Security;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using System.Threading.RateLimiting;
using Serilog;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Journal.Web.Entries;

namespace Journal.Web;

/// <summary>Service registration and the request pipeline, shared by the app, the migrate command and tests.</summary>
public static class Startup
{
    public static void AddJournal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Host.UseSerilog((context, _, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            // A failing command surfaces as an exception that is logged where it is handled; EF's own
            // copy would also print the first migration's harmless probe of a missing history table.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", Serilog.Events.LogEventLevel.Fatal)
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));

        var connectionString = builder.Configuration.GetConnectionString("Journal")
            ?? throw new InvalidOperationException("ConnectionStrings:Journal is not set.");
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<TenantConnectionInterceptor>();
        services.AddSingleton<SchoolStampInterceptor>();
        services.AddScoped<TenantContext>();
        services.AddDbContext<JournalDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.EnableRetryOnFailure(3))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(
                sp.GetRequiredService<TenantConnectionInterceptor>(),
                sp.GetRequiredService<SchoolStampInterceptor>()));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped(sp => SchoolClock.For(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TenantContext>().TimeZoneId ?? throw new InvalidOperationException("No current school.")));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<JournalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<Controllers.JournalClaimsFactory>()
            .AddErrorDescriber<RussianIdentityErrors>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/forbidden";
            options.Cookie.Name = "journal.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            // A script's request (the journal grid) gets 401/403, not a redirect to an HTML page that
            // fetch would follow and take for success.
            options.Events.OnRedirectToLogin = context => AnswerScriptOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => AnswerScriptOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization(Policies.Add);
        // AUTH-2: invitation codes are guessed at most this often per address (the status page answers 429 in Russian).
        var attempts = builder.Configuration.GetValue("Invitations:AttemptsPerWindow", 10);
        var window = TimeSpan.FromMinutes(builder.Configuration.GetValue("Invitations:WindowMinutes", 15));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Controllers.RegisterController.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = attempts, Window = window, QueueLimit = 0 }));
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "journal.af";
            options.HeaderName = "X-CSRF-TOKEN";
        });

        services.AddValidatorsFromAssemblyContaining<AppUser>(includeInternalTypes: true);
        services.AddFiles(builder.Configuration);
        services.AddScoped<Messaging.MessageFiles>();
        services.AddScoped<Messaging.UnreadMessages>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Notifications.Notifier>();
        services.AddSingleton<Notifications.NotificationMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.NotificationMailer>());
        // Use cases: every nested `Handler` of a feature file (SaveCell.Handler, JournalGrid.Handler…).
        foreach (var handler in typeof(Startup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsNested: true, Name: "Handler" }))
        {
            services.AddScoped(handler);
        }

        // The journal page compresses about tenfold. BREACH needs a secret that stays the same across
        // responses next to reflected input; the anti-forgery token is re-encrypted on every response.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(
            options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(
            options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // Validation is FluentValidation's, with Russian messages; no implicit English [Required].
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.ModelBindingMessageProvider.UseRussian();
            })
            .AddRazorOptions(options =>
            {
                // A feature is a folder: Areas/{area}/{controller}/{view}.cshtml.
                options.AreaViewLocationFormats.Insert(0, "/Areas/{2}/{1}/{0}.cshtml");
                options.AreaViewLocationFormats.Insert(1, "/Areas/{2}/Shared/{0}.cshtml");
            });
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        // Russian text stays readable in the HTML instead of &#x...; escapes.
        services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(
                UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Cyrillic,
                UnicodeRanges.GeneralPunctuation, UnicodeRanges.LetterlikeSymbols));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var russian = new CultureInfo("ru-RU");
            options.DefaultRequestCulture = new RequestCulture(russian);
            options.SupportedCultures = [russian];
            options.SupportedUICultures = [russian];
        });
    }

    private static Task AnswerScriptOrRedirect(
        Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context,
        int status)
    {
        var request = context.Request;
        if (request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true)
            || request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static void UseJournal(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseResponseCompression();
        app.UseRequestLocalization();
        app.UseSerilogRequestLogging(options =>
            // A client that went away mid-request (a closed tab, a load tool stopping) is not a server error.
            options.GetLevel = (http, _, exception) =>
                exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested
                    ? Serilog.Events.LogEventLevel.Information
                    : exception is not null || http.Response.StatusCode >= 500
                        ? Serilog.Events.LogEventLevel.Error
                        : Serilog.Events.LogEventLevel.Information);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<SchoolResolutionMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        // Every page needs a signed-in user unless it says [AllowAnonymous]; unknown URLs stay plain 404s.
        app.MapControllerRoute("operator", "operator/{controller=Home}/{action=Index}/{id?}", defaults: new { area = "Operator" })
            .RequireAuthorization();
        app.MapControllerRoute("school-area", "s/{school}/{area:exists}/{controller=Home}/{action=Index}/{id?}")
            .RequireAuthorization();
        app.MapControllerRoute("school", "s/{school}", defaults: new { controller = "SchoolHome", action = "Index" })
            .RequireAuthorization();
    }

    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        await DatabaseRoles.MigrateAsync(
            app.Configuration.GetConnectionString("JournalOwner"), app.Configuration.GetConnectionString("Journal")!);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}
