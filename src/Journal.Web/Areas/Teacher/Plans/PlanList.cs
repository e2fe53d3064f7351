using Journal.Web.Data;
using Journal.Web.Data.Queries;

namespace Journal.Web.Areas.Teacher.Plans;

/// <summary>
/// JRN-6: the teacher's КТП, one per subject × grade level taught this year, with the plan's hours
/// against the curriculum's and each class's progress. Two queries.
/// </summary>
public static class PlanList
{
    public sealed record Item(
        Guid SubjectId, string Subject, int Grade, int Topics, int PlanHours, int? CurriculumHours, string? Problem,
        IReadOnlyList<PlanProgress.Row> Classes);

    public sealed record Model(string? Year, IReadOnlyList<Item> Items);

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model> Handle(Guid teacherId, DateOnly today, CancellationToken cancellationToken)
        {
            var year = await CurrentYear.ForAsync(db, today, cancellationToken);
            if (year is null)
            {
                return new Model(null, []);
            }

            var rows = await PlanProgress.ForAsync(db, db.TeachingAssignments.Where(a => a.TeacherId == teacherId), year.Id, today, cancellationToken);
            var items = rows
                .GroupBy(r => (r.SubjectId, r.Grade))
                .Select(g =>
                {
                    var first = g.First();
                    return new Item(
                        first.SubjectId, first.Subject, first.Grade, first.PlanTopics, first.PlanHours, first.CurriculumHours,
                        first.Problem, g.ToList());
                })
                .OrderBy(i => i.Subject, StringComparer.Ordinal).ThenBy(i => i.Grade)
                .ToList();
            return new Model(year.Name, items);
        }
    }
}
