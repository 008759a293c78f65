// placeholder
namespace citecheck::verify {}
