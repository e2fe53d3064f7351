using System.Net;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>Health endpoints, security headers and Russian error pages without stack traces (SEC-2).</summary>
public sealed class OperationsTests(JournalApp app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoint_answers_healthy_without_sign_in(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/s/demo/teacher")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("default-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task Unknown_page_is_a_russian_404()
    {
        var response = await app.Anonymous().GetAsync("/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Страница не найдена");
    }

    [Fact]
    public async Task Server_error_page_is_russian_and_shows_no_stack_trace()
    {
        var response = await app.Anonymous().GetAsync("/error");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Что-то пошло не так");
        html.ShouldNotContain("Exception");
        html.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task An_oversized_form_is_refused_with_a_russian_page_not_a_404()
    {
        var client = await app.SignInAsync("teacher@demo");
        var lesson = await client.GetStringAsync("/s/demo/teacher");
        var link = System.Text.RegularExpressions.Regex.Match(lesson, "/s/demo/teacher/journal/[0-9a-f-]{36}").Value;
        var page = await client.GetStringAsync(link);
        var lessonUrl = System.Text.RegularExpressions.Regex.Match(page, "/s/demo/teacher/journal/lesson/[0-9a-f-]{36}").Value;

        // One 5 MB field: over the form reader's value limit, so nothing of it is read into the lesson.
        var response = await client.PostAsync(lessonUrl, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Topic"] = new('x', 5_000_000) }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("слишком велика");
    }

    [Fact]
    public async Task Login_page_is_russian_with_labelled_fields()
    {
        var html = await app.Anonymous().GetStringAsync("/login");

        html.ShouldContain("<html lang=\"ru\">");
        html.ShouldContain("<label for=\"login\"");
        html.ShouldContain("<label for=\"password\"");
        html.ShouldContain("Войти");
    }
}
