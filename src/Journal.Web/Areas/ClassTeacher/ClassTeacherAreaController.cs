using Journal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.ClassTeacher;

/// <summary>Base of every controller in the ClassTeacher area: the area and its role policy in one place.</summary>
[Area("ClassTeacher")]
[Authorize(Policy = Policies.ClassTeacher)]
public abstract class ClassTeacherAreaController : Controller;
