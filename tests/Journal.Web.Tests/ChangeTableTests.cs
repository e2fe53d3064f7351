using System.Net;
using AngleSharp.Html.Parser;
using Journal.Domain.Schools;
using Journal.Web.Areas.Teacher.Journal;
using Journal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Journal.Web.Entries;

namespace Journal.Web.Tests;

/// <summary>LCK-3: the Deputy's table of changes shows who changed what, when, from what to what.</summary>
public sealed class ChangeTableTests(JournalApp app)
{
    [Fact]
    public async Task The_deputy_sees_a_teachers_change_with_old_and_new_value_and_author()
    {
        var demo = await app.SchoolIdAsync("demo");
        await using var sql = await Sql.OpenAsync(app, demo);
        var today = SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;
        var teacher = await sql.ScalarAsync<Guid>(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = 'teacher@demo'");
        var lesson = await sql.ScalarAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id JOIN classes c ON c.id = a.class_id
            WHERE a.teacher_id = @t AND c.grade = 5 AND c.letter = 'Б' AND l.date <= @d ORDER BY l.date DESC LIMIT 1 OFFSET 2
            """,
            ("t", teacher), ("d", today));
        var pupil = await sql.ScalarAsync<Guid>(
            """
            SELECT e.pupil_id FROM enrolments e JOIN classes c ON c.id = e.class_id JOIN pupils p ON p.id = e.pupil_id
            WHERE c.grade = 5 AND c.letter = 'Б' AND e.to_date IS NULL ORDER BY p.last_name DESC LIMIT 1
            """);
        await using (var scope = app.SchoolScope(demo))
        {
            var save = scope.ServiceProvider.GetRequiredService<SaveCell.Handler>();
            var settings = new SchoolSettings();
            (await save.Handle(new SaveCell.Command(Guid.NewGuid(), lesson, null, pupil, "2"), teacher, settings, default)).Error.ShouldBeNull();
            (await save.Handle(new SaveCell.Command(Guid.NewGuid(), lesson, null, pupil, "3"), teacher, settings, default)).Error.ShouldBeNull();
        }

        var client = await app.SignInAsync("deputy@demo");
        var classes = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/deputy/changes"));
        var fiveB = classes.QuerySelectorAll("#class option").Single(o => o.TextContent == "5Б").GetAttribute("value");
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync($"/s/demo/deputy/changes?class={fiveB}"));

        var rows = page.QuerySelectorAll("table.changes-table tbody tr")
            .Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        rows.ShouldContain(r => r.Contains("|отметка|2|3|Орлов А. В.|запись учителя", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teachers_are_forbidden_and_other_schools_classes_are_not_found()
    {
        var teacher = await app.SignInAsync("teacher@demo");
        var response = await teacher.GetAsync("/s/demo/deputy/changes");
        response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");

        await using var demo2 = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        var foreignClass = await demo2.ScalarAsync<Guid>("SELECT id FROM classes LIMIT 1");
        var deputy = await app.SignInAsync("deputy@demo");
        (await deputy.GetAsync($"/s/demo/deputy/changes?class={foreignClass}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deputy.GetAsync($"/s/demo/deputy/changes?period={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
