using Journal.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>What a person does, in a real Chromium against the running app.</summary>
public sealed class BrowserTests(JournalApp app)
{
    private static string Chromium => Environment.GetEnvironmentVariable("JOURNAL_CHROMIUM") is { Length: > 0 } path
        ? path
        : File.Exists("/usr/bin/chromium")
            ? "/usr/bin/chromium"
            : throw new InvalidOperationException("Chromium not found: run the tests with scripts/test.sh, which installs it.");

    internal static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    [Theory]
    [InlineData("teacher@demo", "/s/demo/teacher", "Мои журналы", 1280)]
    [InlineData("classteacher@demo", "/s/demo/classteacher", "Мой класс: 5А", 1280)]
    [InlineData("student@demo", "/s/demo/student", "Уроки на сегодня", 390)]
    public async Task Person_signs_in_through_the_form_and_sees_their_home(string login, string home, string heading, int width)
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, Locale = "ru-RU" });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync($"**{home}");

        (await page.GetByRole(AriaRole.Heading, new() { Name = heading }).First.IsVisibleAsync()).ShouldBeTrue();
        var bootstrapApplied = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('nav')).backgroundColor");
        bootstrapApplied.ShouldNotBe("rgba(0, 0, 0, 0)", "Bootstrap's CSS must load under the content security policy");
        consoleErrors.ShouldBeEmpty();
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{login.Replace('@', '-')}-{width}.png"), FullPage = true });
    }

    [Fact]
    public async Task Wrong_password_shows_the_russian_message_in_the_page()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.GetByLabel("Логин").FillAsync(await app.CreateAccountAsync("wrong-password"));
        await page.GetByLabel("Пароль").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Неверный логин или пароль.");
        page.Url.ShouldEndWith("/login");
    }

    internal static string Screenshots =>
        Path.Combine(Environment.GetEnvironmentVariable("JOURNAL_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots"));

    [Fact]
    public async Task Deputy_opens_the_table_of_changes_for_a_class()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });

        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.GetByLabel("Логин").FillAsync("deputy@demo");
        await page.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Таблица изменений" }).ClickAsync();
        await page.GetByLabel("Класс").SelectOptionAsync(new SelectOptionValue { Label = "5А" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();

        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldStartWith("Таблица изменений: 5А класс");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "deputy-changes.png") });
    }
}
