using Journal.Web.Data.Seed;
using Journal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>
/// Runs alone, after the parallel tests: "seeding twice changes nothing" counts every table, and the other
/// tests write marks, history and requests while they run.
/// </summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>The demo schools: idempotent seeding and a shape a school would recognise.</summary>
[Collection(typeof(RunsAlone))]
public sealed class DemoSchoolTests(JournalApp app)
{
    private static readonly int[] RequiredGrades = [1, 5, 9, 11];

    private async Task<Dictionary<string, long>> CountEverythingAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var slug in new[] { "demo", "demo2" })
        {
            await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));
            foreach (var table in await sql.SchoolOwnedTablesAsync())
            {
                counts[$"{slug}.{table}"] = await sql.ScalarAsync<long>($"SELECT count(*) FROM {table}");
            }
        }

        await using var global = await Sql.OpenAsync(app, null);
        counts["users"] = await global.ScalarAsync<long>("SELECT count(*) FROM users WHERE user_name NOT LIKE 'lockout-%' AND user_name NOT LIKE 'wrong-password-%' AND user_name <> 'claims-test'");
        counts["schools"] = await global.ScalarAsync<long>("SELECT count(*) FROM schools");
        return counts;
    }

    [Fact]
    public async Task Seeding_a_second_time_changes_nothing()
    {
        var before = await CountEverythingAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        var after = await CountEverythingAsync();

        after.ShouldBe(before);
        before["schools"].ShouldBe(2);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("demo2")]
    public async Task Demo_school_has_classes_of_grades_1_5_9_11_with_about_25_pupils(string slug)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));

        var grades = await sql.ColumnAsync<int>("SELECT DISTINCT grade FROM classes ORDER BY 1");
        grades.ShouldBeSubsetOf(Enumerable.Range(1, 11));
        RequiredGrades.ShouldBeSubsetOf(grades);
        var sizes = await sql.ColumnAsync<long>(
            "SELECT count(*) FROM enrolments e JOIN classes c ON c.id = e.class_id GROUP BY c.id");
        sizes.ShouldAllBe(n => n >= 20 && n <= 30);
        (await sql.ScalarAsync<long>("SELECT count(*) FROM classes WHERE class_teacher_id IS NULL")).ShouldBe(0);
    }

    [Fact]
    public async Task Demo_accounts_are_where_the_readme_says()
    {
        var demo = await app.SchoolIdAsync("demo");
        await using var sql = await Sql.OpenAsync(app, demo);

        (await sql.ScalarAsync<string>(
            """
            SELECT c.grade || c.letter FROM classes c JOIN memberships m ON m.id = c.class_teacher_id
            JOIN users u ON u.id = m.user_id WHERE u.user_name = 'classteacher@demo'
            """)).ShouldBe("5А");
        (await sql.ColumnAsync<string>(
            """
            SELECT DISTINCT c.grade || c.letter FROM teaching_assignments a JOIN classes c ON c.id = a.class_id
            JOIN subjects s ON s.id = a.subject_id JOIN memberships m ON m.id = a.teacher_id JOIN users u ON u.id = m.user_id
            WHERE u.user_name = 'teacher@demo' AND s.name = 'Математика'
            """)).Count.ShouldBe(2);
        (await sql.ScalarAsync<string>(
            """
            SELECT c.grade || c.letter FROM pupils p JOIN memberships m ON m.id = p.membership_id JOIN users u ON u.id = m.user_id
            JOIN enrolments e ON e.pupil_id = p.id JOIN classes c ON c.id = e.class_id WHERE u.user_name = 'student@demo'
            """)).ShouldBe("5А");
        var childrenClasses = await sql.ColumnAsync<string>(
            """
            SELECT DISTINCT c.grade || c.letter FROM parent_links l JOIN memberships m ON m.id = l.parent_id
            JOIN users u ON u.id = m.user_id JOIN enrolments e ON e.pupil_id = l.pupil_id JOIN classes c ON c.id = e.class_id
            WHERE u.user_name = 'parent@demo'
            """);
        childrenClasses.Count.ShouldBe(2);
        childrenClasses.ShouldContain("5А");

        await using var demo2 = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        (await demo2.ScalarAsync<long>(
            """
            SELECT count(*) FROM parent_links l JOIN memberships m ON m.id = l.parent_id JOIN users u ON u.id = m.user_id
            WHERE u.user_name = 'parent@demo'
            """)).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("demo2")]
    public async Task Marks_exist_only_for_past_lessons_and_never_in_grade_1(string slug)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(12)); // later than today in any Russian zone

        (await sql.ScalarAsync<long>("SELECT count(*) FROM marks")).ShouldBeGreaterThan(1000);
        (await sql.ScalarAsync<long>(
            "SELECT count(*) FROM marks k JOIN works w ON w.id = k.work_id JOIN lessons l ON l.id = w.lesson_id WHERE l.date > @today",
            ("today", today))).ShouldBe(0);
        (await sql.ScalarAsync<long>(
            """
            SELECT count(*) FROM marks k JOIN works w ON w.id = k.work_id JOIN lessons l ON l.id = w.lesson_id
            JOIN teaching_assignments a ON a.id = l.assignment_id JOIN classes c ON c.id = a.class_id WHERE c.grade = 1
            """)).ShouldBe(0);
        (await sql.ScalarAsync<long>(
            """
            SELECT count(*) FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id JOIN classes c ON c.id = a.class_id
            WHERE c.grade = 1 AND l.homework IS NOT NULL
            """)).ShouldBe(0);
        (await sql.ScalarAsync<long>("SELECT count(*) FROM absences")).ShouldBeGreaterThan(100);
        var spread = await sql.ColumnAsync<string>("SELECT DISTINCT value FROM marks WHERE value IN ('2','3','4','5')");
        spread.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("demo2")]
    public async Task Timetable_puts_no_teacher_and_no_room_in_two_places_at_once(string slug)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));

        (await sql.ScalarAsync<long>("SELECT count(*) FROM timetable_entries")).ShouldBeGreaterThan(100);
        (await sql.ScalarAsync<long>(
            """
            SELECT count(*) FROM (SELECT 1 FROM timetable_entries t JOIN teaching_assignments a ON a.id = t.assignment_id
            GROUP BY t.academic_year_id, t.day_of_week, t.lesson_number, a.teacher_id HAVING count(*) > 1) x
            """)).ShouldBe(0);
        (await sql.ScalarAsync<long>(
            """
            SELECT count(*) FROM (SELECT 1 FROM timetable_entries t WHERE t.room_id IS NOT NULL
            GROUP BY t.academic_year_id, t.day_of_week, t.lesson_number, t.room_id HAVING count(*) > 1) x
            """)).ShouldBe(0);
        // A class is in one place at a time, except its subgroups, which run in parallel.
        (await sql.ScalarAsync<long>(
            """
            SELECT count(*) FROM (SELECT 1 FROM timetable_entries t JOIN teaching_assignments a ON a.id = t.assignment_id
            WHERE a.subgroup_id IS NULL GROUP BY t.academic_year_id, t.day_of_week, t.lesson_number, a.class_id HAVING count(*) > 1) x
            """)).ShouldBe(0);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("demo2")]
    public async Task Lessons_run_from_september_to_may_and_skip_weekends_and_holidays(string slug)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));

        var first = await sql.ScalarAsync<DateOnly>("SELECT min(date) FROM lessons");
        var last = await sql.ScalarAsync<DateOnly>("SELECT max(date) FROM lessons");
        first.Month.ShouldBe(9);
        last.Month.ShouldBe(5);
        (await sql.ScalarAsync<long>("SELECT count(*) FROM lessons WHERE extract(isodow FROM date) = 7")).ShouldBe(0);
        (await sql.ScalarAsync<long>(
            """
            SELECT count(*) FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id JOIN classes c ON c.id = a.class_id
            JOIN holidays h ON l.date BETWEEN h.start_date AND h.end_date AND (h.grade IS NULL OR h.grade = c.grade)
            """)).ShouldBe(0);
        (await sql.ScalarAsync<long>("SELECT count(*) FROM holidays")).ShouldBeGreaterThan(3);
    }
}
