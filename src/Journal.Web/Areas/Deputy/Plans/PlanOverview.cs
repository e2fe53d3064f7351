using Journal.Web.Data;
using Journal.Web.Data.Queries;

namespace Journal.Web.Areas.Deputy.Plans;

/// <summary>
/// JRN-6: the Deputy's view of every journal's КТП this year — curriculum hours, the plan's hours,
/// hours given by the plan up to today and lessons with a topic — with the plans missing or not
/// matching the curriculum flagged. Two queries whatever the size of the school.
/// </summary>
public static class PlanOverview
{
    public sealed record Query(DateOnly Today, bool ProblemsOnly);

    public sealed record Model(string? Year, IReadOnlyList<PlanProgress.Row> Rows, int Journals, int Missing, int Mismatched, bool ProblemsOnly);

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var year = await CurrentYear.ForAsync(db, query.Today, cancellationToken);
            if (year is null)
            {
                return new Model(null, [], 0, 0, 0, query.ProblemsOnly);
            }

            var rows = await PlanProgress.ForAsync(db, db.TeachingAssignments, year.Id, query.Today, cancellationToken);
            return new Model(
                year.Name,
                query.ProblemsOnly ? rows.Where(r => r.Problem is not null).ToList() : rows,
                rows.Count,
                rows.Count(r => !r.HasPlan),
                rows.Count(r => r.HasPlan && r.Problem is not null),
                query.ProblemsOnly);
        }
    }
}
