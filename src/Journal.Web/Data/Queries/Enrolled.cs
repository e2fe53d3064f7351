using System.Linq.Expressions;
using Journal.Domain.People;

namespace Journal.Web.Data.Queries;

/// <summary>The query form of <see cref="Enrolment.IsActiveOn"/>: the pupil is in the class on that date.</summary>
public static class Enrolled
{
    public static Expression<Func<Enrolment, bool>> On(DateOnly date) =>
        e => e.FromDate <= date && (e.ToDate == null || e.ToDate >= date);
}
